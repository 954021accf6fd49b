"""Numbers that are not claims: the named checks that drop them."""
