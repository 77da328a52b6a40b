package org.wispcrm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wispcrm.testkit.Fixtures.NOW;
import static org.wispcrm.testkit.Fixtures.later;
import static org.wispcrm.testkit.Fixtures.subscription;
import static org.wispcrm.testkit.Fixtures.ticket;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.Ids;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.TicketId;
import org.wispcrm.core.ticket.Ticket;
import org.wispcrm.core.ticket.TicketComment;
import org.wispcrm.core.ticket.TicketPriority;
import org.wispcrm.core.ticket.TicketStatus;

/**
 * Compatibility kit for {@link org.wispcrm.core.ticket.TicketRepository}: the ticket and its comments round-trip in
 * order, the optimistic-lock contract holds, and {@code find} lists newest first (id descending).
 */
public abstract class TicketRepositoryKit extends PersistenceKit {

    /** Creates the kit. */
    protected TicketRepositoryKit() {}

    @Test
    void insertOfANewTicketKeepsEmptyFieldsEmpty() {
        var customer = savedCustomer();
        var ticket = ticket(customer.id(), null);

        var saved = store.tickets().save(ticket);

        assertThat(saved.version()).isEqualTo(1);
        var found = store.tickets().findById(ticket.id()).orElseThrow();
        assertThat(found).isEqualTo(saved);
        assertThat(found.subscriptionId()).isNull();
        assertThat(found.assignee()).isNull();
        assertThat(found.resolvedAt()).isNull();
        assertThat(found.comments()).isEmpty();
        assertThat(found.subject()).isEqualTo("Internet lento en la noche");
        assertThat(found.description()).isEqualTo("Desde las 7 p. m. la velocidad baja a menos de 1 Mbps.");
        assertThat(found.priority()).isEqualTo(TicketPriority.NORMAL);
        assertThat(found.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(found.openedAt()).isEqualTo(NOW);
    }

    @Test
    void commentsRoundTripInOrderAndGrowWithEachSave() {
        var customer = savedCustomer();
        var sub = store.subscriptions()
                .save(subscription(customer.id(), savedPlan().id()));
        var v1 = store.tickets().save(ticket(customer.id(), sub.id()));
        var longText = "Señal intermitente. ".repeat(500);

        var v2 = store.tickets()
                .save(v1.assignTo("soporte.nivel1", later(1))
                        .comment(new TicketComment("cliente", "¿Cuándo vienen a revisar?", false, later(2)))
                        .comment(new TicketComment("soporte.nivel1", "Revisar alineación de antena", true, later(3)))
                        .comment(new TicketComment("soporte.nivel1", longText, false, later(3))));
        var found = store.tickets().findById(v1.id()).orElseThrow();
        assertThat(found).isEqualTo(v2);
        assertThat(found.comments())
                .extracting(TicketComment::text)
                .containsExactly("¿Cuándo vienen a revisar?", "Revisar alineación de antena", longText);
        assertThat(found.comments()).extracting(TicketComment::internal).containsExactly(false, true, false);
        assertThat(found.comments().get(2).text()).hasSize(10_000);

        var v3 = store.tickets()
                .save(found.comment(new TicketComment("cliente", "Gracias, ya funciona", false, later(9)))
                        .changeStatus(TicketStatus.RESOLVED, later(10))
                        .reprioritise(TicketPriority.LOW, later(11)));
        var resolved = store.tickets().findById(v1.id()).orElseThrow();
        assertThat(resolved).isEqualTo(v3);
        assertThat(resolved.version()).isEqualTo(3);
        assertThat(resolved.comments()).hasSize(4);
        assertThat(resolved.comments().get(3))
                .isEqualTo(new TicketComment("cliente", "Gracias, ya funciona", false, later(9)));
        assertThat(resolved.resolvedAt()).isEqualTo(later(10));
        assertThat(resolved.updatedAt()).isEqualTo(later(11));
        assertThat(resolved.assignee()).isEqualTo("soporte.nivel1");
        assertThat(resolved.subscriptionId()).isEqualTo(sub.id());
    }

    @Test
    void aStaleSaveFailsAndKeepsTheStoredComments() {
        var customer = savedCustomer();
        var v1 = store.tickets().save(ticket(customer.id(), null));
        var v2 = store.tickets().save(v1.comment(new TicketComment("ana", "Primero", false, later(1))));

        assertFailsWith(
                ErrorCode.CONCURRENT_MODIFICATION,
                () -> store.tickets().save(v1.comment(new TicketComment("beto", "Segundo", false, later(2)))));
        assertFailsWith(ErrorCode.DUPLICATE, () -> store.tickets().save(v1.withVersion(0)));
        var ghost = ticket(customer.id(), null);
        assertFailsWith(ErrorCode.CONCURRENT_MODIFICATION, () -> store.tickets().save(ghost.withVersion(5)));

        assertThat(store.tickets().findById(v1.id())).contains(v2);
        assertThat(store.tickets().findById(ghost.id())).isEmpty();
        assertThat(store.tickets().findById(TicketId.newId())).isEmpty();
    }

    @Test
    void findListsNewestFirstWithFiltersAndPages() {
        var ana = savedCustomer();
        var beto = savedCustomer();
        var random = new Random(11);
        var all = new ArrayList<Ticket>();
        for (int i = 0; i < 5; i++) {
            var id = new TicketId(new UUID(random.nextLong(), random.nextLong()));
            all.add(store.tickets()
                    .save(withId(id, ticket(i < 4 ? ana.id() : beto.id(), null)).withVersion(0)));
        }
        var closed = store.tickets().save(all.get(1).changeStatus(TicketStatus.CLOSED, later(1)));
        all.set(1, closed);
        all.sort(Comparator.comparing((Ticket t) -> t.id().value(), Ids.ORDER).reversed());
        List<Ticket> anas =
                all.stream().filter(t -> t.customerId().equals(ana.id())).toList();

        var page0 = store.tickets().find(null, null, PageRequest.first(2));
        var page2 = store.tickets().find(null, null, new PageRequest(2, 2));
        assertThat(page0.items()).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(page2.items()).containsExactly(all.get(4));
        assertThat(page2.totalItems()).isEqualTo(5);
        assertThat(store.tickets().find(ana.id(), null, PageRequest.first(10)).items())
                .containsExactlyElementsOf(anas);
        assertThat(store.tickets()
                        .find(null, TicketStatus.CLOSED, PageRequest.first(10))
                        .items())
                .containsExactly(closed);
        assertThat(store.tickets()
                        .find(beto.id(), TicketStatus.OPEN, PageRequest.first(10))
                        .items())
                .hasSize(1)
                .allSatisfy(t -> assertThat(t.customerId()).isEqualTo(beto.id()));
        assertThat(store.tickets()
                        .find(beto.id(), TicketStatus.CLOSED, PageRequest.first(10))
                        .totalItems())
                .isZero();
    }

    private static Ticket withId(TicketId id, Ticket t) {
        return new Ticket(
                id,
                t.customerId(),
                t.subscriptionId(),
                t.subject(),
                t.description(),
                t.priority(),
                t.status(),
                t.assignee(),
                t.comments(),
                t.openedAt(),
                t.updatedAt(),
                t.resolvedAt(),
                t.version());
    }
}
