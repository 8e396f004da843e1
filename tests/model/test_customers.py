"""The campaign's customers, tiers and wall sections: names checked, defaults kept."""

from __future__ import annotations

from decimal import Decimal

from generator.model.customers import WALL_FIELDS, CustomerList, OptIn, TierRule, Wall
from tests.model.test_fields import hint_of, only_error


def test_a_list_defaults_to_a_detected_format_without_tiers() -> None:
    customers = CustomerList(file="private/customers.csv")
    assert (customers.format, customers.columns, customers.tiers, customers.opt_in) == (
        None,
        {},
        [],
        None,
    )


def test_columns_name_known_fields_or_suggest_one() -> None:
    columns = {"email": "Correo", "first_name": "Nombre"}
    assert CustomerList(file="c.csv", columns=columns).columns == columns
    error = only_error(CustomerList, {"file": "c.csv", "columns": {"emial": "Correo"}})
    assert (error["loc"], error["msg"], hint_of(error)) == (
        ("columns",),
        "'emial' is not a customer field",
        "did you mean 'email'?",
    )
    hint = hint_of(only_error(CustomerList, {"file": "c.csv", "columns": {"zzz": "Z"}}))
    assert hint is not None and hint.startswith("one of: email, first_name")


def test_a_custom_export_needs_its_email_column() -> None:
    error = only_error(CustomerList, {"file": "c.csv", "format": "custom"})
    assert error["msg"] == "a custom export needs at least the e-mail column"
    assert error["ctx"]["field"] == "columns"
    custom = {"file": "c.csv", "format": "custom", "columns": {"email": "Mail"}}
    assert CustomerList.model_validate(custom).format == "custom"


def test_tier_names_are_unique_slugs() -> None:
    tiers = [{"name": "gold"}, {"name": "silver"}, {"name": "gold"}]
    error = only_error(CustomerList, {"file": "c.csv", "tiers": tiers})
    assert error["msg"] == "tier 'gold' is used twice"
    assert error["ctx"]["field"] == (2, "name")
    assert only_error(TierRule, {"name": "Gold"})["type"] == "slug"


def test_a_tier_rules_conditions() -> None:
    rule = TierRule.model_validate({"name": "gold", "min_spent": "99.50", "min_years": 3})
    assert (rule.min_spent, rule.min_years, rule.min_orders, rule.match) == (
        Decimal("99.50"),
        3,
        None,
        "any",
    )
    assert only_error(TierRule, {"name": "gold", "min_orders": 0})["msg"] == (
        "must be between 1 and 100000"
    )
    assert only_error(TierRule, {"name": "gold", "match": "most"})["loc"] == ("match",)


def test_opt_in_reads_yes_in_the_usual_spellings() -> None:
    assert OptIn(column="Wall").equals == ["yes", "true", "1", "y"]
    assert OptIn(column="Tags", contains="thank-you-wall").contains == "thank-you-wall"


def test_the_wall_shows_only_known_fields_and_at_least_one() -> None:
    wall = Wall()
    assert (wall.fields, wall.max_entries) == (["first_name"], 500)
    assert set(Wall(fields=list(WALL_FIELDS)).fields) == set(WALL_FIELDS)
    assert only_error(Wall, {"fields": []})["loc"] == ("fields",)
    assert only_error(Wall, {"fields": ["email"]})["loc"] == ("fields", 0)  # never e-mails
    assert only_error(Wall, {"max_entries": 10_001})["loc"] == ("max_entries",)
