CREATE TABLE books (
    id INTEGER PRIMARY KEY,
    title VARCHAR(200) NOT NULL,
    author VARCHAR(120) NOT NULL,
    published DATE
);

CREATE TABLE loans (
    id INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL REFERENCES books(id),
    member VARCHAR(80) NOT NULL,
    due DATE NOT NULL
);

INSERT INTO books (id, title, author, published) VALUES
    (1, 'The Left Hand of Darkness', 'Ursula K. Le Guin', '1969-03-01'),
    (2, 'Kindred', 'Octavia E. Butler', '1979-06-01');

SELECT b.title, l.member, l.due
FROM loans AS l
JOIN books AS b ON b.id = l.book_id
WHERE l.due < CURRENT_DATE
ORDER BY l.due;
