"""counterdraft: turn an employer's contract into a negotiation-ready counter-draft."""
__version__ = "0.1.0"
