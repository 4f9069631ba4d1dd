-- The warehouse side of the demo: customers and their orders; the segment is "orders of the last year".
CREATE TABLE customers (customer_id bigint PRIMARY KEY, email text, first_name text, last_name text);
CREATE TABLE orders (order_id text, customer_id bigint, amount numeric(10,2), status text,
                     ordered_at timestamptz);
INSERT INTO customers VALUES (1001, 'ana@example.com', 'Ana', 'Peeters'),
  (1002, 'bram@example.com', 'Bram', 'Janssens'), (1003, 'chloe@example.com', 'Chloé', 'Dubois'),
  (1004, 'dirk@example.com', 'Dirk', 'Maes');
INSERT INTO orders VALUES
  ('ORD-0001', 1001, 129.90, 'SHIPPED',   '2026-10-02 09:14:00+02'),
  ('ORD-0002', 1001,  45.00, 'PAID',      '2026-10-15 18:40:00+02'),
  ('ORD-0003', 1002, 310.50, 'SHIPPED',   '2026-10-20 11:05:00+02'),
  ('ORD-0004', 1003,  12.99, 'NEW',       '2026-11-01 08:00:00+01'),
  ('ORD-0005', 1003,  87.40, 'PAID',      '2026-11-03 21:30:00+01'),
  ('ORD-0006', 1004, 220.00, 'CANCELLED', '2026-11-10 14:12:00+01'),
  ('ORD-0007', 1002,  64.25, 'PAID',      '2026-11-18 10:45:00+01'),
  ('ORD-0008', 1004,  19.90, 'NEW',       '2026-11-25 16:20:00+01');
-- each order with its customer's e-mail address and name: used only to create a missing profile
CREATE VIEW segment AS
  SELECT o.*, c.email, c.first_name, c.last_name FROM orders o LEFT JOIN customers c USING (customer_id);
