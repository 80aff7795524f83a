"""duk: records of grassroots visits and cell meetings under Regulation 08-QĐ/ĐUK."""

__version__ = "0.2.0"
