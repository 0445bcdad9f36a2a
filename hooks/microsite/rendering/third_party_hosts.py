"""The hosts that pages load from besides the site, as the privacy page names them to readers:
`<!-- data: third-party-hosts -->`, from the exceptions mkdocs.yml declares (`extra.third_party_hosts`,
third_party_settings.py), each with its reason in the page's language; without any, a sentence
saying that the pages load nothing from other servers."""

from __future__ import annotations

from collections.abc import Mapping

from .context import RenderContext


def render_third_party_hosts(context: RenderContext, argument: str | None) -> str:
    declared = context.settings.third_party_hosts if context.settings is not None else ()
    hosts = [{"host": host.host, "reason": _reason(context, host.reason)} for host in declared]
    return context.render("third-party-hosts.html", hosts=hosts)


def _reason(context: RenderContext, reason: str | Mapping[str, str]) -> str:
    """The reason in the page's language; else in the source language, marked as such like any data text
    not translated yet; else in the first language it has."""
    if isinstance(reason, str):
        return reason
    if context.language in reason or context.source_language in reason:
        return context.text(reason)
    return next(iter(reason.values()))
