"""Claim fields, one stage a module, and their assembly into records."""
