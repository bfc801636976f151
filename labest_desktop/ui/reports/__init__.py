"""PDF documents for committees: project sheets and the portfolio report."""
