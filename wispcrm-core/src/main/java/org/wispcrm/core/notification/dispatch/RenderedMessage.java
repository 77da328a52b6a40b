package org.wispcrm.core.notification.dispatch;

/**
 * A message rendered from its templates.
 *
 * @param subject the first line of the text template
 * @param text the plain-text body (WhatsApp, SMS, the email's text part)
 * @param html the email's HTML part: the text's paragraphs, HTML-escaped, in the layout template
 */
public record RenderedMessage(String subject, String text, String html) {}
