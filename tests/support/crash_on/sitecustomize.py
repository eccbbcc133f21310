"""Fault injection for the worker-crash tests, kept out of the product.

A Python process started with this directory on ``PYTHONPATH`` imports this
module at start-up (``site`` runs ``sitecustomize``); when
``TARJAMA_TEST_CRASH_ON`` is set, the process dies outright (``os._exit``, as a
segfault or the OOM killer would end it) as soon as it starts on a document
whose name contains that text. Worker processes inherit the environment, so
the test decides which document kills its worker without any hook in tarjama.
"""
import os

_CRASH_ON = os.environ.get("TARJAMA_TEST_CRASH_ON")

if _CRASH_ON:
    import translate.batch.work as _work

    _process_document = _work.process_document

    def process_document(name, data, runtime):
        if _CRASH_ON in name:
            os._exit(70)
        return _process_document(name, data, runtime)

    _work.process_document = process_document
