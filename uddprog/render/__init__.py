"""Rendering of uddannelsesprogrammer to DOCX, HTML and PDF."""
