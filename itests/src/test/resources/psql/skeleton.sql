-- DDL, DML and queries of the walking skeleton; the expected output is what psql prints
-- against PostgreSQL 15 for this same script (skeleton.out).
DROP TABLE IF EXISTS orders, customers;
CREATE TABLE customers (
    id integer PRIMARY KEY,
    name varchar(40) NOT NULL,
    city text,
    vip boolean,
    joined date
);
CREATE TABLE orders (
    order_id bigint,
    customer_id int NOT NULL,
    amount numeric(10,2),
    placed timestamp,
    PRIMARY KEY (order_id)
);
INSERT INTO customers VALUES
    (1, 'Ada', 'London', true, '2020-01-15'),
    (2, 'Grace', 'New York', false, '2021-06-30'),
    (3, 'Linus', 'Helsinki', NULL, '2019-11-02'),
    (4, 'Barbara', NULL, true, NULL);
INSERT INTO orders VALUES
    (100, 1, 19.99, '2024-01-02 10:00:00'),
    (101, 1, 5.01, '2024-01-03 11:30:00'),
    (102, 2, 100, '2024-02-10 09:15:30'),
    (103, 3, 0.5, '2024-03-01 00:00:00'),
    (104, 2, 42.42, NULL);
SELECT * FROM customers ORDER BY id;
SELECT name, city FROM customers WHERE vip ORDER BY name;
SELECT name FROM customers WHERE city IS NULL;
SELECT c.name, o.order_id, o.amount FROM customers c JOIN orders o ON o.customer_id = c.id ORDER BY o.order_id;
SELECT c.name, o.order_id FROM customers c LEFT JOIN orders o ON o.customer_id = c.id ORDER BY c.id, o.order_id;
SELECT customer_id, count(*), sum(amount), min(amount), max(amount) FROM orders GROUP BY customer_id ORDER BY customer_id;
SELECT count(*) AS n, avg(amount) AS average FROM orders;
SELECT avg(id) FROM customers;
SELECT order_id, amount FROM orders ORDER BY amount DESC LIMIT 2 OFFSET 1;
SELECT order_id, placed FROM orders ORDER BY placed;
UPDATE orders SET amount = amount * 2 WHERE customer_id = 1;
SELECT order_id, amount FROM orders WHERE customer_id = 1 ORDER BY order_id;
DELETE FROM orders WHERE amount < 1;
SELECT count(*) FROM orders;
BEGIN;
INSERT INTO customers VALUES (5, 'Edsger', 'Austin', false, '2002-08-06');
ROLLBACK;
SELECT count(*) FROM customers;
BEGIN;
UPDATE customers SET city = 'Zurich' WHERE id = 3;
COMMIT;
SELECT id, name, city FROM customers WHERE id = 3;
SELECT 7 / 2, 7 % 3, -5 + 2, 1.5 * 2;
SHOW client_encoding;
DROP TABLE orders;
DROP TABLE customers;
