"""rasid: Arabic news in, conflict data out."""
