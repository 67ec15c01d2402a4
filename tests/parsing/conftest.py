"""Parser tests run without Django (`-p no:django`).

A deeper hypothesis run: HYPOTHESIS_PROFILE=deep.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("deep", max_examples=1500, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])

