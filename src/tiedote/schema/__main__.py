"""``python -m tiedote.schema``: rewrite the committed schema files from the models."""

from tiedote.schema import write_all

for path in write_all():
    print(path)
