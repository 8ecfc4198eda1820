"""The Textual interface. Screens show what the headless modules decide and forward intent."""
