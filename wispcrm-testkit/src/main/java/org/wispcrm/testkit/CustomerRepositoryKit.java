package org.wispcrm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wispcrm.testkit.Fixtures.NOW;
import static org.wispcrm.testkit.Fixtures.customer;
import static org.wispcrm.testkit.Fixtures.later;
import static org.wispcrm.testkit.Fixtures.minimalProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.EmailAddress;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.PhoneNumber;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.customer.CustomerProfile;
import org.wispcrm.core.customer.CustomerQuery;
import org.wispcrm.core.customer.CustomerStatus;
import org.wispcrm.core.customer.NotificationPreferences;
import org.wispcrm.core.notification.ChannelName;

/**
 * Compatibility kit for {@link org.wispcrm.core.customer.CustomerRepository}. A second insert of an existing id
 * fails with {@code DUPLICATE}; an update of a row that does not exist fails with {@code CONCURRENT_MODIFICATION}.
 * Names in the ordering tests differ in their first letter and are in one case, so any database collation agrees.
 */
public abstract class CustomerRepositoryKit extends PersistenceKit {

    /** Creates the kit. */
    protected CustomerRepositoryKit() {}

    @Test
    void insertStoresEveryFieldAndReturnsVersionOne() {
        var customer = customer("CLI-0001", "Ana María Gómez Rojas");

        var saved = store.customers().save(customer);

        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved).usingRecursiveComparison().ignoringFields("version").isEqualTo(customer);
        assertThat(store.customers().findById(customer.id())).contains(saved);
        var profile = store.customers().findById(customer.id()).orElseThrow().profile();
        assertThat(profile.phone()).isEqualTo(PhoneNumber.parse("+57 300 123 4567", "CO"));
        assertThat(profile.email()).isEqualTo(EmailAddress.of("cliente.pruebas@example.co"));
        assertThat(profile.locale()).isEqualTo(Locale.forLanguageTag("es-CO"));
        assertThat(profile.notificationPreferences().channels())
                .containsExactly(ChannelName.WHATSAPP, ChannelName.EMAIL);
        assertThat(profile.dataProcessingConsentAt()).isEqualTo(NOW.minusSeconds(86_400));
    }

    @Test
    void insertKeepsEmptyOptionalFieldsEmpty() {
        var customer = Customer.register(CustomerId.newId(), "CLI-0002", minimalProfile("Luis Peña"), NOW);

        store.customers().save(customer);

        var found = store.customers().findById(customer.id()).orElseThrow();
        assertThat(found.profile().nationalId()).isNull();
        assertThat(found.profile().email()).isNull();
        assertThat(found.profile().phone()).isNull();
        assertThat(found.profile().dataProcessingConsentAt()).isNull();
        assertThat(found.profile().address())
                .isEqualTo(Address.of("Vereda La Cuncia, finca El Recreo", "Restrepo", "CO"));
        assertThat(found.profile().notificationPreferences().channels()).isEmpty();
        assertThat(found.profile().taxExempt()).isTrue();
        assertThat(found).isEqualTo(customer.withVersion(1));
    }

    @Test
    void updateStoresTheChangesAndIncrementsTheVersion() {
        var saved = store.customers().save(customer("CLI-0003", "Carlos Pérez"));
        var moved = new CustomerProfile(
                "Carlos Andrés Pérez",
                "900123456-7",
                EmailAddress.of("carlos@example.com"),
                PhoneNumber.parse("310 555 0101", "CO"),
                new Address("Calle 15 # 40-01", "Apto 302", "Acacías", "Meta", null, "CO"),
                Locale.forLanguageTag("en-US"),
                NotificationPreferences.of(ChannelName.EMAIL),
                true,
                later(60));

        var updated =
                store.customers().save(saved.updateProfile(moved, later(60)).suspend(later(61)));

        assertThat(updated.version()).isEqualTo(2);
        var found = store.customers().findById(saved.id()).orElseThrow();
        assertThat(found).isEqualTo(updated);
        assertThat(found.profile()).isEqualTo(moved);
        assertThat(found.status()).isEqualTo(CustomerStatus.SUSPENDED);
        assertThat(found.createdAt()).isEqualTo(NOW);
        assertThat(found.updatedAt()).isEqualTo(later(61));
        assertThat(store.customers().save(found.reactivate(later(62))).version())
                .isEqualTo(3);
    }

    @Test
    void saveOfAStaleCopyFailsAndKeepsTheStoredRow() {
        var first = store.customers().save(customer("CLI-0004", "Diana Torres"));
        var second = store.customers().save(first.suspend(later(1)));

        assertFailsWith(
                ErrorCode.CONCURRENT_MODIFICATION, () -> store.customers().save(first.deactivate(later(2))));

        assertThat(store.customers().findById(first.id())).contains(second);
    }

    @Test
    void updateOfACustomerThatWasNeverSavedFails() {
        var ghost = customer("CLI-0005", "Elena Vargas").withVersion(3);

        assertFailsWith(
                ErrorCode.CONCURRENT_MODIFICATION, () -> store.customers().save(ghost));

        assertThat(store.customers().findById(ghost.id())).isEmpty();
    }

    @Test
    void secondInsertOfTheSameIdIsADuplicate() {
        var customer = customer("CLI-0006", "Fabio Castro");
        var saved = store.customers().save(customer);

        assertFailsWith(ErrorCode.DUPLICATE, () -> store.customers().save(customer));

        assertThat(store.customers().findById(customer.id())).contains(saved);
    }

    @Test
    void codeIsUniqueOnInsertAndOnUpdate() {
        var ana = store.customers().save(customer("CLI-0007", "Ana Ruiz"));
        var beto = store.customers().save(customer("CLI-0008", "Beto Ruiz"));

        assertFailsWith(ErrorCode.DUPLICATE, () -> store.customers().save(customer("CLI-0007", "Otro Cliente")));
        var betoTakingAnasCode = new Customer(
                beto.id(), "CLI-0007", beto.profile(), beto.status(), beto.createdAt(), beto.updatedAt(), 1);
        assertFailsWith(ErrorCode.DUPLICATE, () -> store.customers().save(betoTakingAnasCode));

        assertThat(store.customers().findByCode("CLI-0007")).contains(ana);
        assertThat(store.customers().findByCode("CLI-0008")).contains(beto);
    }

    @Test
    void aChangedCodeFreesTheOldOne() {
        var ana = store.customers().save(customer("CLI-0009", "Ana Ruiz"));
        var renamed = store.customers()
                .save(new Customer(
                        ana.id(), "CLI-0010", ana.profile(), ana.status(), ana.createdAt(), ana.updatedAt(), 1));

        assertThat(store.customers().findByCode("CLI-0010")).contains(renamed);
        assertThat(store.customers().findByCode("CLI-0009")).isEmpty();
        assertThat(store.customers().save(customer("CLI-0009", "Nueva Ana")).version())
                .isEqualTo(1);
    }

    @Test
    void lookupsOfMissingCustomersAreEmpty() {
        store.customers().save(customer("CLI-0011", "Gloria Díaz"));

        assertThat(store.customers().findById(CustomerId.newId())).isEmpty();
        assertThat(store.customers().findByCode("CLI-9999")).isEmpty();
        assertThat(store.customers().findAllById(List.of())).isEmpty();
        assertThat(store.customers().findAllById(List.of(CustomerId.newId()))).isEmpty();
    }

    @Test
    void findAllByIdReturnsTheOnesThatExist() {
        var a = store.customers().save(customer());
        var b = store.customers().save(customer());
        store.customers().save(customer());

        var found = store.customers().findAllById(List.of(a.id(), b.id(), CustomerId.newId(), a.id()));

        assertThat(found).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void searchFiltersByEachCriterion() {
        var ana = store.customers().save(customer("CLI-0101", "Ana Gomez Rojas"));
        var beto = store.customers()
                .save(Customer.register(CustomerId.newId(), "CLI-0102", minimalProfile("Beto Gomez"), NOW));
        var carla = customer("CLI-0103", "Carla Ruiz");
        carla = store.customers()
                .save(carla.updateProfile(
                        new CustomerProfile(
                                "Carla Ruiz",
                                "52.123.456",
                                null,
                                PhoneNumber.parse("315 000 1122", "CO"),
                                carla.profile().address(),
                                carla.profile().locale(),
                                NotificationPreferences.defaults(),
                                false,
                                null),
                        NOW));
        var saved = store.customers().findById(carla.id()).orElseThrow();
        var suspended = store.customers().save(saved.suspend(later(5)));
        var page = PageRequest.first(10);

        assertThat(store.customers()
                        .search(CustomerQuery.nameContains("GOM"), page)
                        .items())
                .containsExactly(ana, beto);
        assertThat(store.customers()
                        .search(CustomerQuery.nameContains("ruiz"), page)
                        .items())
                .containsExactly(suspended);
        assertThat(store.customers()
                        .search(new CustomerQuery(null, "52.123.456", null, null), page)
                        .items())
                .containsExactly(suspended);
        assertThat(store.customers()
                        .search(new CustomerQuery(null, null, PhoneNumber.parse("315 000 1122", "CO"), null), page)
                        .items())
                .containsExactly(suspended);
        assertThat(store.customers()
                        .search(new CustomerQuery(null, null, null, CustomerStatus.ACTIVE), page)
                        .items())
                .containsExactly(ana, beto);
        assertThat(store.customers()
                        .search(new CustomerQuery("ana", null, null, CustomerStatus.SUSPENDED), page)
                        .items())
                .isEmpty();
        assertThat(store.customers().search(CustomerQuery.all(), page).totalItems())
                .isEqualTo(3);
    }

    @Test
    void searchOrdersByNameThenIdAndPages() {
        // Ids chosen so that signed and unsigned comparison disagree: 0x7f... < 0x80... unsigned only.
        var low = new CustomerId(UUID.fromString("7fffffff-ffff-7fff-bfff-ffffffffffff"));
        var high = new CustomerId(UUID.fromString("80000000-0000-7000-8000-000000000000"));
        var names = List.of("Gabriela Soto", "Andres Mora", "Felipe Rojas", "Diana Leal", "Camilo Ortiz");
        var expected = new ArrayList<Customer>();
        for (String name : names) {
            expected.add(store.customers().save(customer(CustomerId.newId(), name)));
        }
        // same name twice: the id decides
        var second = store.customers().save(customer(high, "Bruno Pardo"));
        var first = store.customers().save(customer(low, "Bruno Pardo"));
        expected.add(first);
        expected.add(second);
        expected.sort((x, y) -> x.fullName().compareTo(y.fullName()) != 0
                ? x.fullName().compareTo(y.fullName())
                : (x == first ? -1 : 1));

        var page0 = store.customers().search(CustomerQuery.all(), PageRequest.first(3));
        var page1 = store.customers().search(CustomerQuery.all(), new PageRequest(1, 3));
        var page2 = store.customers().search(CustomerQuery.all(), new PageRequest(2, 3));
        var beyond = store.customers().search(CustomerQuery.all(), new PageRequest(5, 3));

        assertThat(page0.items()).containsExactlyElementsOf(expected.subList(0, 3));
        assertThat(page0.items())
                .extracting(Customer::fullName)
                .containsExactly("Andres Mora", "Bruno Pardo", "Bruno Pardo");
        assertThat(page0.items().get(1).id()).isEqualTo(low);
        assertThat(page1.items()).containsExactlyElementsOf(expected.subList(3, 6));
        assertThat(page2.items()).containsExactly(expected.get(6));
        assertThat(page0.totalItems()).isEqualTo(7);
        assertThat(page2.totalItems()).isEqualTo(7);
        assertThat(page0.totalPages()).isEqualTo(3);
        assertThat(page1.hasNext()).isTrue();
        assertThat(page2.hasNext()).isFalse();
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.totalItems()).isEqualTo(7);
        assertThat(Set.copyOf(expected)).hasSize(7);
    }
}
