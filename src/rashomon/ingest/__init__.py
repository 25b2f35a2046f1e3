"""Turn files, records and stdin into clean :class:`~rashomon.model.Article` objects."""

from rashomon.ingest.clean import clean_document
from rashomon.ingest.readers import FieldMap, read_inputs

__all__ = ["FieldMap", "clean_document", "read_inputs"]
