"""Excel in and out: a template's input as a workbook (:mod:`.write`) and back (:mod:`.read`),
laid out from its JSON Schema (:mod:`.layout`)."""
