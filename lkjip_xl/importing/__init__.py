"""Reading LKjIP tables from the Word and PDF reports agencies publish (issue 15)."""
