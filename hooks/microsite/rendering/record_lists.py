"""Data markers that list the records of one data file: each builds its view model and renders
its template in `partials/data/`."""

from __future__ import annotations

from babel.numbers import format_decimal

from .context import RenderContext


def render_partnership_cards(context: RenderContext, argument: str | None) -> str:
    context.require("partnerships")
    cards = [
        {
            **context.partner(partnership["id"]),
            "place": context.place(partnership["city"]),
            "relation": context.relation(partnership),
            "summary": context.text(partnership["summary"]),
        }
        for partnership in context.data.records("partnerships")
    ]
    return context.render("partnership-cards.html", cards=cards)


def render_networks(context: RenderContext, argument: str | None) -> str:
    context.require("networks")
    networks = [
        {
            "name": context.text(network["name"]),
            "kind": network["kind"],
            "role": context.text(network["role"]),
            "partners": [context.partner(partnership_id) for partnership_id in network.get("partnerships", [])],
        }
        for network in context.data.records("networks")
    ]
    return context.render("networks.html", networks=networks)


def render_recommendations(context: RenderContext, argument: str | None) -> str:
    context.require("recommendations")
    recommendations = [
        {"title": context.text(record["title"]), "text": context.text(record["text"])}
        for record in context.data.records("recommendations")
    ]
    return context.render("recommendations.html", recommendations=recommendations)


def render_key_figures(context: RenderContext, argument: str | None) -> str:
    context.require("figures")
    figures = [
        {"value": format_figure(figure, context.language), "label": context.text(figure["label"])}
        for figure in context.data.records("figures")
    ]
    return context.render("key-figures.html", figures=figures)


def format_figure(figure: dict, language: str) -> str:
    """A key figure's number as the language writes it, "+" after it if it is a lower bound: "1.000+"."""
    return format_decimal(figure["value"], locale=language) + ("+" if figure.get("more_than") else "")


def render_contacts(context: RenderContext, argument: str | None) -> str:
    context.require("people")
    people = [
        {
            "contact": person["contact"],
            "name": person["name"],
            "role": context.text(person["role"]),
            "email": person["email"],
        }
        for person in context.data.records("people")
    ]
    return context.render("contacts.html", people=people)
