"""Article files read into their parts: headline, dateline, agency, body, dates."""
