// node-postgres against a server given by port: simple and extended queries with untyped
// parameters, a named statement, a transaction and an error. Prints what it reads; the
// integration test compares that with what it prints against PostgreSQL 15 (basics.out).
const { Client } = require('pg');

async function main(port) {
  const client = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await client.connect();
  const show = (label, rows) => console.log(label, JSON.stringify(rows));
  await client.query('drop table if exists nodetab');
  await client.query('create table nodetab (id int primary key, name text, ok boolean, amount numeric(6,2))');
  for (const [id, name, ok, amount] of [[1, "O'Reilly", true, '1.50'], [2, 'two', false, null], [3, 'three', null, 3]]) {
    const r = await client.query('insert into nodetab values ($1, $2, $3, $4)', [id, name, ok, amount]);
    console.log(r.command, r.rowCount);
  }
  show('simple', (await client.query('select id, name from nodetab order by id')).rows);
  show('typed', (await client.query('select $1::int as i, $2::text as t, $3::bool as b, $4::bytea as by',
      [42, 'text', true, Buffer.from([0, 1, 255])])).rows.map(r => ({ ...r, by: r.by.toString('hex') })));
  const named = { name: 'by-id', text: 'select name, amount from nodetab where id = $1' };
  for (const id of [1, 2, 3]) {
    show('named', (await client.query({ ...named, values: [id] })).rows);
  }
  show('array', (await client.query({ text: 'select id, ok from nodetab where id < $1 order by id',
      values: [3], rowMode: 'array' })).rows);
  await client.query('BEGIN');
  console.log((await client.query('update nodetab set amount = amount + $1 where id = $2', [1, 3])).rowCount);
  await client.query('ROLLBACK');
  show('after rollback', (await client.query('select amount from nodetab where id = 3')).rows);
  const multi = await client.query('select 1 as a; select 2 as b');
  show('multi', multi.map(r => r.rows));
  try {
    await client.query('select * from no_such_table where x = $1', [1]);
  } catch (e) {
    console.log('error', e.code, e.message);
  }
  await client.query('drop table nodetab');
  await client.end();
}

main(Number(process.argv[2])).catch(e => { console.error(e); process.exit(1); });
