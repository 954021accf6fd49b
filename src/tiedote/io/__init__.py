"""Sources, sinks, batch runs and their result records."""
