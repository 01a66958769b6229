\ddp
\dp public.*
\dp dflt.*
