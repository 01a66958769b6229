create table authors (
    id serial primary key,
    name text not null,
    email varchar(100) unique
);
create table books (
    id integer primary key,
    author_id integer not null references authors (id) on delete cascade,
    title text not null,
    isbn char(13),
    price numeric(8, 2) default 0,
    published date
);
create unique index books_isbn_idx on books (isbn);
create index books_title_idx on books (title);
create table reviews (
    book_id integer references books (id) on delete cascade,
    reviewer text,
    stars smallint,
    primary key (book_id, reviewer)
);
create view book_titles as select b.title, a.name from books b join authors a on a.id = b.author_id;
