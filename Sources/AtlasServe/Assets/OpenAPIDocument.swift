/// The API's description, served at `/openapi.yaml`. Written by hand: keep it true to the
/// routes in `APIRoutes.swift` (the server tests check every path and status it lists).
enum OpenAPIDocument {
    static let yaml = #"""
openapi: 3.0.3
info:
  title: ReferralAtlas intake
  version: "1"
  description: >
    A clinic's pain-drawing intake. Patients' drawings are compared with trigger-point
    referral patterns and nerve-root zones. An aid to a conversation with a clinician,
    not a diagnosis.
servers:
  - url: /
paths:
  /healthz:
    get:
      summary: The server is up and its database answers.
      responses:
        "200":
          description: Healthy.
          content:
            application/json:
              schema:
                type: object
                required: [status]
                properties:
                  status: { type: string, enum: [ok] }
  /api/compare:
    post:
      summary: Compare an image of a drawing (a chart drawn on, scanned or photographed); nothing is stored.
      requestBody:
        required: true
        content:
          image/png:
            schema: { type: string, format: binary }
          image/jpeg:
            schema: { type: string, format: binary }
      responses:
        "200":
          description: The comparison, the same JSON as `referral-atlas compare --json`.
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Comparison" }
        "400": { $ref: "#/components/responses/Problem" }
        "413": { $ref: "#/components/responses/Problem" }
        "415": { $ref: "#/components/responses/Problem" }
        "422": { $ref: "#/components/responses/Problem" }
  /api/drawings:
    post:
      summary: Store a drawing made on screen and compare it.
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/DrawingRequest" }
      responses:
        "201":
          description: Stored and compared.
          content:
            application/json:
              schema:
                type: object
                required: [id, comparison, patientSummary]
                properties:
                  id: { $ref: "#/components/schemas/Id" }
                  comparison: { $ref: "#/components/schemas/Comparison" }
                  patientSummary:
                    type: string
                    description: A few plain sentences for the patient (shown only when the clinic turns it on).
        "400": { $ref: "#/components/responses/Problem" }
        "413": { $ref: "#/components/responses/Problem" }
        "415": { $ref: "#/components/responses/Problem" }
        "422": { $ref: "#/components/responses/Problem" }
    get:
      summary: The stored drawings, newest first (clinicians only).
      security: [{ bearer: [] }, { session: [] }]
      responses:
        "200":
          description: Every stored drawing's summary.
          content:
            application/json:
              schema:
                type: array
                items: { $ref: "#/components/schemas/DrawingSummary" }
        "401": { $ref: "#/components/responses/Problem" }
        "429": { $ref: "#/components/responses/Problem" }
  /api/drawings/{id}:
    parameters:
      - name: id
        in: path
        required: true
        schema: { $ref: "#/components/schemas/Id" }
    get:
      summary: One stored drawing with its strokes and comparison (clinicians only).
      security: [{ bearer: [] }, { session: [] }]
      responses:
        "200":
          description: The drawing.
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Drawing" }
        "401": { $ref: "#/components/responses/Problem" }
        "429": { $ref: "#/components/responses/Problem" }
        "404": { $ref: "#/components/responses/Problem" }
    delete:
      summary: Delete a stored drawing (clinicians only).
      security: [{ bearer: [] }]
      responses:
        "204": { description: Deleted. }
        "401": { $ref: "#/components/responses/Problem" }
        "429": { $ref: "#/components/responses/Problem" }
        "404": { $ref: "#/components/responses/Problem" }
components:
  securitySchemes:
    bearer:
      type: http
      scheme: bearer
      description: The clinician token (REFERRAL_ATLAS_TOKEN, or the one `serve --init` printed).
    session:
      type: apiKey
      in: cookie
      name: ra_session
  responses:
    Problem:
      description: The request was refused; the message says why and what to change.
      content:
        application/json:
          schema:
            type: object
            required: [error]
            properties:
              error: { type: string }
  schemas:
    Id:
      type: string
      pattern: "^[0-9a-f]{32}$"
      description: 128 random bits.
    Point:
      type: array
      minItems: 2
      maxItems: 2
      items: { type: number, minimum: -2500, maximum: 2500 }
      description: "[x, y] in the view's atlas millimetres (origin at the vertex on the midline, y toward the feet), as `referral-atlas dump --view` reports them."
    Stroke:
      type: object
      required: [view, symptom, width, points]
      properties:
        view: { type: string, enum: [posterior, anterior, lateral-right, lateral-left] }
        symptom: { type: string, enum: [pain, numbness, tingling] }
        width: { type: number, minimum: 2, maximum: 80, description: Pen width in body millimetres. }
        points:
          type: array
          minItems: 1
          maxItems: 5000
          items: { $ref: "#/components/schemas/Point" }
    DrawingRequest:
      type: object
      required: [chart, code, strokes]
      properties:
        chart:
          type: string
          description: '"all", "back-front" (when the atlas has that chart) or one view.'
        code:
          type: string
          pattern: "^[A-Za-z0-9-]{2,24}$"
          description: The intake code reception gave the patient (at least one digit); never a name.
        strokes:
          type: array
          minItems: 1
          maxItems: 2000
          items: { $ref: "#/components/schemas/Stroke" }
    MatchBrief:
      type: object
      required: [id, name, side, score]
      properties:
        id: { type: string }
        name: { type: string }
        side: { type: string }
        score: { type: number, description: "The match's confidence, 0 to 1." }
    DrawingSummary:
      type: object
      required: [id, code, receivedAt, chart, extentPercent, verdict, topMatches]
      properties:
        id: { $ref: "#/components/schemas/Id" }
        code: { type: string }
        receivedAt: { type: string, format: date-time }
        chart: { type: string }
        extentPercent: { type: number }
        verdict: { type: string }
        topMatches:
          type: array
          items: { $ref: "#/components/schemas/MatchBrief" }
    Drawing:
      allOf:
        - $ref: "#/components/schemas/DrawingSummary"
        - type: object
          required: [strokes, comparison]
          properties:
            strokes:
              type: array
              items: { $ref: "#/components/schemas/Stroke" }
            comparison: { $ref: "#/components/schemas/Comparison" }
    Comparison:
      type: object
      description: As `referral-atlas compare --json` writes it.
      required: [drawing, template, views, registration, extentPercent, leaning, matches, summary, disclaimer]
      properties:
        drawing: { type: string }
        template: { type: string }
        views: { type: array, items: { type: string } }
        registration: { type: object }
        extentPercent: { type: object }
        areas: { type: array, items: { type: object } }
        leaning: { type: object }
        matches:
          type: array
          items:
            type: object
            required: [id, name, family, side, score]
            properties:
              id: { type: string }
              name: { type: string }
              family: { type: string }
              side: { type: string }
              score: { type: number }
        notes: { type: array, items: { type: string } }
        summary: { type: string, description: "Plain words, ending with the disclaimer." }
        disclaimer: { type: string }
"""#
}
