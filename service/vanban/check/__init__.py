"""Reading produced .docx files back: effective formatting facts (:mod:`vanban.check.docx_facts`)
for tests and for the format (thể thức) checker."""
