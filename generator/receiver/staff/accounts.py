"""Staff accounts: argon2 password hashes, roles, and who may sign in."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from email_validator import EmailNotValidError, validate_email
from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from generator.i18n import N_, gettext_in
from generator.receiver.tables import staff, staff_sessions

ROLES = ("owner", "staff")
MIN_PASSWORD = 12
_hasher = PasswordHasher()


class AccountError(Exception):
    """A request about an account that cannot be done: one line a person can act on.

    ``message`` is English with ``%(name)s`` placeholders for ``values`` (the CLI shows it as
    is); :meth:`translated` gives it in the console's language.
    """

    def __init__(self, message: str, **values: object) -> None:
        self.message = message
        self.values = values
        super().__init__(message % values if values else message)

    def translated(self, language: str) -> str:
        return gettext_in(language, self.message, **self.values)


@dataclass(frozen=True)
class StaffMember:
    id: int
    email: str
    role: str

    @property
    def is_owner(self) -> bool:
        return self.role == "owner"


def normalized_email(email: str) -> str:
    """``email`` checked and lower-cased; :class:`AccountError` when it is not an address."""
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        raise AccountError(N_("'%(email)s' is not an e-mail address"), email=email) from None


def hash_password(password: str) -> str:
    """The argon2id hash of ``password``, which must have at least 12 characters."""
    if len(password) < MIN_PASSWORD:
        raise AccountError(N_("the password needs at least %(num)s characters"), num=MIN_PASSWORD)
    return _hasher.hash(password)


@cache
def _dummy_hash() -> str:
    """A hash no password matches, verified when the e-mail is unknown: the same time taken."""
    return _hasher.hash("not the password of anyone: only here to take the time")


def _matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def verify(engine: Engine, email: str, password: str) -> StaffMember | None:
    """The member whose e-mail and password these are, or ``None``; as slow either way."""
    with engine.connect() as connection:
        row = connection.execute(
            select(staff.c.id, staff.c.email, staff.c.role, staff.c.password_hash).where(
                staff.c.email == email.strip().lower()
            )
        ).first()
    if row is None:
        _matches(_dummy_hash(), password)
        return None
    if not _matches(row.password_hash, password):
        return None
    if _hasher.check_needs_rehash(row.password_hash):
        with engine.begin() as connection:
            connection.execute(
                update(staff)
                .where(staff.c.id == row.id)
                .values(password_hash=_hasher.hash(password))
            )
    return StaffMember(row.id, row.email, row.role)


def add(engine: Engine, email: str, role: str, password: str) -> StaffMember:
    """A new account; :class:`AccountError` when the e-mail has one already."""
    from generator.receiver.storage import now

    if role not in ROLES:
        raise AccountError(f"'{role}' is not a role (hint: owner or staff)")
    address = normalized_email(email)
    hashed = hash_password(password)
    try:
        with engine.begin() as connection:
            result = connection.execute(
                insert(staff).values(
                    email=address, role=role, password_hash=hashed, created_at=now()
                )
            )
    except IntegrityError:
        raise AccountError(N_("%(email)s has an account already"), email=address) from None
    key = result.inserted_primary_key
    if key is None:  # every supported database returns the new id
        raise RuntimeError("the staff insert returned no id")
    return StaffMember(int(key[0]), address, role)


def remove(engine: Engine, email: str) -> None:
    """Remove an account and end its sessions; the last owner stays."""
    address = email.strip().lower()
    with engine.begin() as connection:
        row = connection.execute(select(staff.c.id, staff.c.role).where(staff.c.email == address))
        found = row.first()
        if found is None:
            raise AccountError(f"{address} has no account (hint: appreciate staff list)")
        if found.role == "owner" and owners(connection) == 1:
            raise AccountError(f"{address} is the only owner: add another owner first")
        end_sessions(connection, found.id)
        connection.execute(delete(staff).where(staff.c.id == found.id))


def set_password(engine: Engine, email: str, password: str) -> None:
    """A new password for an account; its sessions end."""
    address = email.strip().lower()
    hashed = hash_password(password)
    with engine.begin() as connection:
        found = connection.execute(select(staff.c.id).where(staff.c.email == address)).first()
        if found is None:
            raise AccountError(f"{address} has no account (hint: appreciate staff list)")
        connection.execute(update(staff).where(staff.c.id == found.id).values(password_hash=hashed))
        end_sessions(connection, found.id)


def members(engine: Engine) -> list[StaffMember]:
    """Every account, owners first."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(staff.c.id, staff.c.email, staff.c.role).order_by(staff.c.role, staff.c.email)
        )
        return [StaffMember(r.id, r.email, r.role) for r in rows]


def owners(connection: Connection) -> int:
    query = select(func.count()).select_from(staff).where(staff.c.role == "owner")
    return int(connection.execute(query).scalar_one())


def end_sessions(connection: Connection, staff_id: int) -> None:
    connection.execute(delete(staff_sessions).where(staff_sessions.c.staff_id == staff_id))
