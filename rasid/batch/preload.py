"""Imported by the local pool's fork server: workers then start as forks of a process that has
the pipeline and its models loaded, so a worker starts in milliseconds and the model arrays are
shared between workers (copy-on-write) instead of loaded once per worker."""

from rasid.batch.worker import warm

warm()
