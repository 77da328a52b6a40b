package org.wispcrm.jpa;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.customer.CustomerQuery;
import org.wispcrm.core.customer.CustomerRepository;

/** Customers in the {@code customers} table. */
final class JpaCustomerRepository implements CustomerRepository {
    private final JpaTransactionRunner tx;

    JpaCustomerRepository(JpaTransactionRunner tx) {
        this.tx = tx;
    }

    @Override
    public Customer save(Customer customer) {
        return tx.call(em -> {
            long version = Versioned.save(
                    em,
                    CustomerEntity.class,
                    customer.id().value(),
                    customer.version(),
                    "Customer",
                    () -> CustomerEntity.of(customer),
                    row -> row.copy(customer));
            return customer.withVersion(version);
        });
    }

    @Override
    public Optional<Customer> findById(CustomerId id) {
        return tx.call(em ->
                Optional.ofNullable(em.find(CustomerEntity.class, id.value())).map(CustomerEntity::toDomain));
    }

    @Override
    public Optional<Customer> findByCode(String code) {
        return tx.call(em -> em.createQuery("select e from CustomerEntity e where e.code = :code", CustomerEntity.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst()
                .map(CustomerEntity::toDomain));
    }

    @Override
    public List<Customer> findAllById(Collection<CustomerId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var uuids = ids.stream().map(CustomerId::value).distinct().toList();
        return tx.call(em -> tx
                .lookUpByIndex(
                        em,
                        () -> em.createQuery("select e from CustomerEntity e where e.id in :ids", CustomerEntity.class)
                                .setParameter("ids", uuids)
                                .setHint(HibernateHints.HINT_READ_ONLY, true)
                                .getResultList())
                .stream()
                .map(CustomerEntity::toDomain)
                .toList());
    }

    @Override
    public Page<Customer> search(CustomerQuery query, PageRequest page) {
        return tx.call(em -> Queries.from("CustomerEntity")
                .where(
                        "lower(e.fullName) like :name escape '\\'",
                        "name",
                        query.nameContains() == null ? null : Queries.containsPattern(query.nameContains()))
                .where("e.nationalId = :nationalId", "nationalId", query.nationalId())
                .where(
                        "e.phone = :phone",
                        "phone",
                        query.phone() == null ? null : query.phone().e164())
                .where("e.status = :status", "status", query.status())
                .page(em, CustomerEntity.class, "e.fullName, e.id", page, CustomerEntity::toDomain));
    }
}
