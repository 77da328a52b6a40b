package org.wispcrm.core.inmemory;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Ids;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.customer.CustomerQuery;
import org.wispcrm.core.customer.CustomerRepository;

/** Customers in memory, unique by code. */
final class InMemoryCustomerRepository implements CustomerRepository {
    static final Comparator<Customer> BY_NAME_THEN_ID = Comparator.comparing(
                    (Customer c) -> c.profile().fullName(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(c -> c.profile().fullName())
            .thenComparing(c -> c.id().value(), Ids.ORDER);

    private final Table<CustomerId, Customer> table;

    InMemoryCustomerRepository(InMemoryTransactionRunner tx) {
        this.table = new Table<>(
                tx, "Customer", Customer::id, Customer::version, Customer::withVersion, "code", Customer::code);
    }

    @Override
    public Customer save(Customer customer) {
        return table.save(customer);
    }

    @Override
    public Optional<Customer> findById(CustomerId id) {
        return table.get(id);
    }

    @Override
    public Optional<Customer> findByCode(String code) {
        return table.getByUniqueKey(code);
    }

    @Override
    public List<Customer> findAllById(Collection<CustomerId> ids) {
        var wanted = new HashSet<>(ids);
        return table.select(c -> wanted.contains(c.id()), BY_NAME_THEN_ID);
    }

    @Override
    public Page<Customer> search(CustomerQuery query, PageRequest page) {
        return Page.of(table.select(query::matches, BY_NAME_THEN_ID), page);
    }
}
