"""``appreciate staff``: the console's accounts, in the receiver's database (DATABASE_URL)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from generator.cli.main import main

if TYPE_CHECKING:
    from generator.receiver.storage import Storage


def _storage() -> Storage:
    """The receiver's database, brought to the newest schema."""
    from sqlalchemy.exc import SQLAlchemyError

    from generator.receiver.database import unreachable
    from generator.receiver.settings import Settings, SettingsError
    from generator.receiver.storage import Storage

    try:
        settings = Settings.from_environment()
    except SettingsError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    storage = Storage(settings.database_url)
    try:
        storage.migrate()
    except SQLAlchemyError as exc:
        click.echo(f"Error: {unreachable(settings.database_url, exc)}", err=True)
        sys.exit(2)
    return storage


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))


def _run(action: str, call: object, *args: object) -> None:
    from generator.receiver.staff.accounts import AccountError

    storage = _storage()
    try:
        call(storage.engine, *args)  # type: ignore[operator]
    except AccountError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    finally:
        storage.close()
    click.echo(action)


@main.group("staff")
def staff_group() -> None:
    """The staff console's accounts (owner or staff), in the receiver's database."""


@staff_group.command("add")
@click.argument("email")
@click.option(
    "--role",
    type=click.Choice(["owner", "staff"]),
    default="staff",
    show_default=True,
    help="owner: everything; staff: the inbox and the till.",
)
@click.option(
    "--password-stdin", is_flag=True, help="Read the password from the first line of stdin."
)
def add_command(email: str, role: str, password_stdin: bool) -> None:
    """Add an account (passwords: at least 12 characters, stored as argon2 hashes)."""
    from generator.receiver.staff import accounts

    _run(
        f"{email.strip().lower()}: added as {role}",
        accounts.add,
        email,
        role,
        _password(password_stdin),
    )


@staff_group.command("list")
def list_command() -> None:
    """Every account and its role."""
    from generator.receiver.staff import accounts

    storage = _storage()
    try:
        for member in accounts.members(storage.engine):
            click.echo(f"{member.email}\t{member.role}")
    finally:
        storage.close()


@staff_group.command("remove")
@click.argument("email")
def remove_command(email: str) -> None:
    """Remove an account; its sessions end at once."""
    from generator.receiver.staff import accounts

    _run(f"{email.strip().lower()}: removed", accounts.remove, email)


@staff_group.command("password")
@click.argument("email")
@click.option(
    "--password-stdin", is_flag=True, help="Read the password from the first line of stdin."
)
def password_command(email: str, password_stdin: bool) -> None:
    """Set a new password; the account's sessions end."""
    from generator.receiver.staff import accounts

    _run(
        f"{email.strip().lower()}: password changed",
        accounts.set_password,
        email,
        _password(password_stdin),
    )
