"""Exit statuses and the errors that reach users as one line."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """The documented exit codes of every `briefing` command."""

    OK = 0
    ERROR = 1  # an unexpected failure inside briefing (a bug)
    USAGE = 2  # bad options or arguments
    ARTICLE = 3  # the article could not be read or is not an article
    FACT_TABLE = 4  # the fact table has problems
    OUTPUT = 5  # the briefing could not be written
    RENDER = 6  # the briefing could not be rendered
    CLAIMS = 7  # --fail-on: claims with that verdict (or worse) are present; outputs were written
    BATCH = 8  # batch: one or more articles failed; the others were written
    MAIL = 9  # the email could not be sent (SMTP connection, TLS, login or refusal)


class BriefingError(Exception):
    """A problem the user can fix; the CLI prints it as one line and exits with `status`."""

    status: ExitStatus = ExitStatus.ERROR


class UsageError(BriefingError):
    status = ExitStatus.USAGE


class InvalidArgument(UsageError):
    """A value a function was given is wrong: `argument` names the parameter, as the Python API
    calls it (`published`, `max_bytes`); the command line names its flag instead."""

    def __init__(self, argument: str, problem: str) -> None:
        self.argument = argument
        self.problem = problem
        super().__init__(f"{argument}: {problem}")


class ArticleError(BriefingError):
    status = ExitStatus.ARTICLE


class FactTableError(BriefingError):
    """One or more problems in fact tables; `problems` holds every `PATH:LINE: problem` line."""

    status = ExitStatus.FACT_TABLE

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


class OutputError(BriefingError):
    status = ExitStatus.OUTPUT


class RenderError(BriefingError):
    status = ExitStatus.RENDER


class MailError(BriefingError):
    status = ExitStatus.MAIL
