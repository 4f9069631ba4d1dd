-- A day later in the warehouse: new orders, changed ones, deleted ones, a bad row, a new customer.
INSERT INTO orders VALUES
  ('ORD-0009', 1001,  99.00, 'NEW',  '2026-11-27 09:00:00+01'),
  ('ORD-0010', 1003,  15.50, 'NEW',  '2026-11-27 12:30:00+01'),
  ('ORD-0011', 1005, 450.00, 'PAID', '2026-11-27 17:45:00+01'),   -- customer 1005 is new to Actito
  ('ORD-0012', 1002,   5.00, 'LOST', '2026-11-27 18:00:00+01');   -- bad row: LOST is not an accepted status
INSERT INTO customers VALUES (1005, 'emma.willems@example.com', 'Emma', 'Willems');
UPDATE orders SET status = 'SHIPPED' WHERE order_id IN ('ORD-0002', 'ORD-0005');
UPDATE orders SET amount = 47.50 WHERE order_id = 'ORD-0002';
DELETE FROM orders WHERE order_id IN ('ORD-0006', 'ORD-0008');
