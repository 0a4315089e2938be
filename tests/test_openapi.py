"""The OpenAPI document and the API routes stay in sync."""

import re

from web.api.openapi import openapi_document


def api_routes(app) -> set[tuple[str, str]]:
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/"):
            path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
            routes |= {(path, method.lower()) for method in rule.methods - {"HEAD", "OPTIONS"}}
    return routes


def documented(document) -> set[tuple[str, str]]:
    return {(path, method) for path, item in document["paths"].items() for method in item}


def test_every_api_route_is_documented_and_nothing_else(app):
    assert api_routes(app) == documented(openapi_document())


def test_the_document_is_served(client):
    body = client.get("/api/v1/openapi.json").json
    assert body["openapi"].startswith("3.") and body["paths"]


def test_every_reference_resolves():
    document = openapi_document()
    refs = re.findall(r"#/components/schemas/(\w+)", str(document))
    assert refs and all(ref in document["components"]["schemas"] for ref in refs)
