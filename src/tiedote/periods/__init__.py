"""Time: calendar arithmetic, the period rule table, the release's time state."""
