\dn+ shown
\dn+ public
\dp shown.*
