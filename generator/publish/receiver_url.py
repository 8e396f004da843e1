"""``$APPRECIATE_RECEIVER_URL``: the forms' receiver for one run, instead of the campaign's."""

from __future__ import annotations

import dataclasses
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.model.loader import LoadedCampaign

RECEIVER_VARIABLE = "APPRECIATE_RECEIVER_URL"


def receiver_override() -> str:
    """The receiver address set for this run, or an empty string."""
    return os.environ.get(RECEIVER_VARIABLE, "").strip()


def with_receiver_override(loaded: LoadedCampaign) -> tuple[LoadedCampaign, str]:
    """The campaign with the run's receiver address if one is set, and where the address is from.

    Raises InputError when the variable is not a web address.
    """
    from pydantic import ValidationError

    from generator.model.campaign import Receiver
    from generator.model.errors import InputError, Problem

    override = receiver_override()
    if not override:
        return loaded, f"{loaded.where(('receiver', 'url'))}: receiver.url"
    try:
        receiver = Receiver(url=override)
    except ValidationError:
        raise InputError(
            [
                Problem(
                    f"${RECEIVER_VARIABLE}",
                    None,
                    "",
                    f"'{override}' is not a web address",
                    "write it like https://answers.yourshop.com, or unset it",
                )
            ]
        ) from None
    campaign = loaded.campaign.model_copy(update={"receiver": receiver})
    return dataclasses.replace(loaded, campaign=campaign), f"${RECEIVER_VARIABLE}"
