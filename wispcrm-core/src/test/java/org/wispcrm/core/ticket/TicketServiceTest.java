package org.wispcrm.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.TestWorld;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.FieldViolation;
import org.wispcrm.core.common.Ids;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.TicketId;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.plan.Plan;
import org.wispcrm.core.subscription.Subscription;

class TicketServiceTest {
    private final TestWorld world = TestWorld.onTenthOfMarch();
    private final Customer ana = world.customer("Ana");

    private TicketService tickets() {
        return world.crm().tickets();
    }

    private Ticket openTicket() {
        return tickets().open(OpenTicket.of(ana.id(), "No internet", "The router light is red since last night"));
    }

    private List<Notification> updates() {
        return world.outbox(NotificationKind.TICKET_UPDATED);
    }

    @Test
    void opens_a_ticket_of_normal_priority() {
        Ticket ticket = openTicket();

        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.priority()).isEqualTo(TicketPriority.NORMAL);
        assertThat(ticket.customerId()).isEqualTo(ana.id());
        assertThat(ticket.subject()).isEqualTo("No internet");
        assertThat(ticket.openedAt()).isEqualTo(world.now());
        assertThat(ticket.comments()).isEmpty();
        assertThat(tickets().get(ticket.id())).isEqualTo(ticket);
        assertThat(updates()).isEmpty();
    }

    @Test
    void opening_checks_the_customer_the_subscription_and_the_texts() {
        Plan plan = world.plan("Hogar 10", 65_000);
        Subscription betos = world.customerOn("Beto", plan.id()).subscription().orElseThrow();

        var unknown = catchThrowableOfType(
                WispCrmException.class, () -> tickets().open(OpenTicket.of(CustomerId.newId(), "Hi", "Hello")));
        var foreign = catchThrowableOfType(
                WispCrmException.class,
                () -> tickets().open(new OpenTicket(ana.id(), betos.id(), "Slow", "Very slow", TicketPriority.HIGH)));
        var blank =
                catchThrowableOfType(WispCrmException.class, () -> tickets().open(OpenTicket.of(ana.id(), " ", "")));

        assertThat(unknown.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(foreign.violations()).extracting(FieldViolation::field).containsExactly("subscriptionId");
        assertThat(blank.violations()).extracting(FieldViolation::field).containsExactly("subject", "description");
        assertThat(tickets().list(null, null, PageRequest.first(10)).totalItems())
                .isZero();
    }

    @Test
    void assigning_an_open_ticket_puts_it_in_progress() {
        Ticket ticket = openTicket();
        world.travelTo(LocalDateTime.of(2026, 3, 10, 11, 0));

        Ticket assigned = tickets().assign(ticket.id(), " Laura ");

        assertThat(assigned.assignee()).isEqualTo("Laura");
        assertThat(assigned.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(assigned.updatedAt()).isEqualTo(world.now());
    }

    @Test
    void a_staff_comment_the_customer_may_see_notifies_them_once_even_when_retried() {
        Ticket ticket = openTicket();

        Ticket commented = tickets().comment(ticket.id(), "Laura", "Please restart the router", false);
        Ticket retried = tickets().comment(ticket.id(), "Laura", "Please restart the router", false);

        assertThat(commented.comments())
                .containsExactly(new TicketComment("Laura", "Please restart the router", false, world.now()));
        assertThat(retried).isEqualTo(commented);
        assertThat(updates()).singleElement().satisfies(n -> {
            assertThat(n.customerId()).isEqualTo(ana.id());
            assertThat(n.idempotencyKey()).isEqualTo("ticket-updated:" + ticket.id() + ":v2");
            assertThat(n.model())
                    .containsEntry("ticketId", ticket.id().toString())
                    .containsEntry("subject", "No internet")
                    .containsEntry("change", "COMMENT")
                    .containsEntry("comment", "Please restart the router")
                    .containsEntry("status", "OPEN");
        });
    }

    @Test
    void the_same_words_later_are_a_new_comment() {
        Ticket ticket = openTicket();
        tickets().comment(ticket.id(), "Laura", "Any news?", false);
        world.travelTo(LocalDateTime.of(2026, 3, 11, 10, 0));

        Ticket later = tickets().comment(ticket.id(), "Laura", "Any news?", false);

        assertThat(later.comments()).hasSize(2);
        assertThat(updates()).hasSize(2);
    }

    @Test
    void internal_comments_and_the_customer_own_comments_notify_nobody() {
        Ticket ticket = openTicket();

        tickets().comment(ticket.id(), "Laura", "Probably the storm; check tower 3", true);
        Ticket withBoth = tickets().commentAsCustomer(ticket.id(), "Still down");

        assertThat(withBoth.comments())
                .extracting(TicketComment::author, TicketComment::internal)
                .containsExactly(tuple("Laura", true), tuple(TicketService.CUSTOMER_AUTHOR, false));
        assertThat(updates()).isEmpty();
    }

    @Test
    void a_status_change_notifies_once_and_each_later_change_again() {
        Ticket ticket = openTicket();
        tickets().assign(ticket.id(), "Laura");

        tickets().changeStatus(ticket.id(), TicketStatus.RESOLVED);
        Ticket retried = tickets().changeStatus(ticket.id(), TicketStatus.RESOLVED);
        tickets().changeStatus(ticket.id(), TicketStatus.IN_PROGRESS);
        Ticket resolvedAgain = tickets().changeStatus(ticket.id(), TicketStatus.RESOLVED);

        assertThat(retried.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(resolvedAgain.resolvedAt()).isEqualTo(world.now());
        assertThat(updates())
                .extracting(
                        n -> n.model().get("previousStatus") + "->" + n.model().get("status"))
                .containsExactlyInAnyOrder("IN_PROGRESS->RESOLVED", "RESOLVED->IN_PROGRESS", "IN_PROGRESS->RESOLVED");
        assertThat(updates()).extracting(Notification::idempotencyKey).doesNotHaveDuplicates();
    }

    @Test
    void a_closed_ticket_takes_no_comment_and_no_status_change() {
        Ticket ticket = openTicket();
        Ticket closed = tickets().changeStatus(ticket.id(), TicketStatus.CLOSED);

        var comment = catchThrowableOfType(
                WispCrmException.class, () -> tickets().comment(ticket.id(), "Laura", "One more thing", false));
        var reopen = catchThrowableOfType(
                WispCrmException.class, () -> tickets().changeStatus(ticket.id(), TicketStatus.IN_PROGRESS));
        var reprioritise = catchThrowableOfType(
                WispCrmException.class, () -> tickets().reprioritise(ticket.id(), TicketPriority.URGENT));

        assertThat(comment.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(comment.context()).containsEntry("status", "CLOSED");
        assertThat(reopen.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(reprioritise.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(tickets().get(ticket.id())).isEqualTo(closed);
        assertThat(updates()).hasSize(1);
    }

    @Test
    void reprioritising_changes_the_urgency_without_a_message() {
        Ticket ticket = openTicket();

        Ticket urgent = tickets().reprioritise(ticket.id(), TicketPriority.URGENT);

        assertThat(urgent.priority()).isEqualTo(TicketPriority.URGENT);
        assertThat(urgent.version()).isEqualTo(2);
        assertThat(updates()).isEmpty();
    }

    @Test
    void lists_by_customer_and_status_newest_first_in_pages() {
        Customer beto = world.customer("Beto");
        Ticket first = openTicket();
        Ticket second = tickets().open(OpenTicket.of(ana.id(), "Slow at night", "Speed drops after 8 pm"));
        Ticket third = tickets().open(OpenTicket.of(ana.id(), "Invoice", "Wrong amount"));
        tickets().open(OpenTicket.of(beto.id(), "Move", "I am moving"));
        tickets().changeStatus(second.id(), TicketStatus.RESOLVED);

        var anasFirstPage = tickets().list(ana.id(), null, PageRequest.first(2));
        var anasSecondPage = tickets().list(ana.id(), null, PageRequest.first(2).next());
        var anasOpen = tickets().list(ana.id(), TicketStatus.OPEN, PageRequest.first(10));
        var resolved = tickets().list(null, TicketStatus.RESOLVED, PageRequest.first(10));

        // Newest first means id descending; ids made in the same millisecond need not follow creation order.
        List<TicketId> newestFirst = Stream.of(first.id(), second.id(), third.id())
                .sorted(Comparator.comparing(TicketId::value, Ids.ORDER).reversed())
                .toList();
        assertThat(anasFirstPage.items()).extracting(Ticket::id).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(anasFirstPage.totalItems()).isEqualTo(3);
        assertThat(anasSecondPage.items()).extracting(Ticket::id).containsExactly(newestFirst.get(2));
        assertThat(anasOpen.items())
                .extracting(Ticket::id)
                .containsExactlyElementsOf(newestFirst.stream()
                        .filter(id -> !id.equals(second.id()))
                        .toList());
        assertThat(resolved.items()).extracting(Ticket::id).containsExactly(second.id());
    }
}
