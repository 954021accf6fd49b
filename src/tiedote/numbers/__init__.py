"""Number mentions: digit groups, ranges, scales and Finnish number words."""
