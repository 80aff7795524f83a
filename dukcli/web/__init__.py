"""`duk serve`: the records in a browser (Flask, imported only by the serve command)."""
