import {
  clientAnswerSchema,
  clientRequest,
  holdAnswerSchema,
  holdRequest,
  recalcAnswerSchema,
  recalcRequest,
  releaseAnswerSchema,
  releaseRequest,
  retailAnswerSchema,
  retailRequest,
} from "@/lib/loyalty/loyalty.schema";
import { offersRequestSchema, offersResponseSchema, redeemAnswerSchema, redeemRequestSchema } from "@/lib/offers/offers.schema";
import type { Endpoint } from "@/lib/openapi/endpoint";
import { IMPORTS_ENDPOINTS } from "@/lib/openapi/imports-endpoints";
import { OPERATIONS_ENDPOINTS } from "@/lib/openapi/operations-endpoints";
import {
  cancelOrderAnswerSchema,
  cancelOrderRequestSchema,
  orderStatusChangeAnswerSchema,
  orderStatusChangeSchema,
  upsertOrderAnswerSchema,
  upsertOrderSchema,
} from "@/lib/orders/orders.schema";
import { registerScanBodySchema, scanAnswerSchema, scanHistoryAnswerSchema, scanHistoryBodySchema } from "@/lib/scans/scans.schema";

// Every endpoint a machine calls. Adding one is adding an entry here: the document, /docs, the contract
// checks in tests and the route-coverage test all read this list. Examples follow the seeds (../seeds/).

const seedUser = "79991234567";

export const ENDPOINTS: Endpoint[] = [
  {
    method: "post",
    path: "/api/imshop/scans",
    tag: "IMSHOP webhooks",
    summary: "Register a scan (contract 1.1)",
    description:
      "IMSHOP reports a barcode a user scanned. Answered 200 once authenticated and well-formed, whatever the decision; " +
      "the same userId + barcode + timestamp again returns the stored answer and creates nothing.",
    auth: "imshop",
    request: {
      schema: registerScanBodySchema,
      example: { barcode: "YXNkYXNkIGpha2RzIGxha2RzYWE=", userId: seedUser, timestamp: 1662660581, data: { customField1: "value1" } },
    },
    responses: {
      200: {
        description: "The decision",
        schema: scanAnswerSchema,
        example: {
          success: false,
          id: "cm4scan000001",
          alertTitle: "Ошибка",
          alertMessage: "Срок начисления бонусов по данному коду истек",
          statusMessage: "Начисление бонусов по данному коду невозможно",
          status: "denied",
        },
      },
    },
    errors: "default",
  },
  {
    method: "post",
    path: "/api/imshop/scans/history",
    tag: "IMSHOP webhooks",
    summary: "A user's scan history (contract 1.2)",
    description: "The user's scans, newest first (at most 1000).",
    auth: "imshop",
    request: { schema: scanHistoryBodySchema, example: { userId: seedUser } },
    responses: {
      200: {
        description: "The scans",
        schema: scanHistoryAnswerSchema,
        example: {
          scans: [{ id: "2cff9e9e-3d89-43de-98bf-b0d922233a62", code: "YXNkYXNkIGpha2RzIGxha2RzYWE=", timestamp: 1662660581, status: "approved", statusMessage: "Начислено 200 бонусов" }],
        },
      },
    },
    errors: "default",
  },
  {
    method: "post",
    path: "/api/imshop/orders/cancel",
    tag: "IMSHOP webhooks",
    summary: "A buyer cancels an order in the app (contract 2.3)",
    description:
      "Send `{uuid, internalId, reason?}` (answered `{success, newStatus?, newMessage?}`) or the older edition's " +
      "`{id, status: \"canceled\", reason?}` (answered `{success, status?, message?}`). A refusal is `success: false` with the reason.",
    auth: "imshop",
    request: { schema: cancelOrderRequestSchema, example: { uuid: "cfe64e76-dbc4-4f0f-b9d1-7423aeb6f195", internalId: "05671863", reason: "Передумал" } },
    responses: {
      200: { description: "Cancelled, or refused with the reason", schema: cancelOrderAnswerSchema, example: { success: true, newStatus: "canceled", newMessage: "Заказ отменён" } },
    },
    errors: "default",
  },
  {
    method: "post",
    path: "/api/imshop/offers",
    tag: "IMSHOP webhooks",
    summary: "Personal offers for an app user (contract 4)",
    description: "Active, unexpired offers targeted at everyone, at one of the given segments, or at this user. Unknown segments are recorded.",
    auth: "imshop",
    request: { schema: offersRequestSchema, example: { userId: seedUser, segments: [{ id: "vip", name: "VIP" }] } },
    responses: {
      200: {
        description: "The offers",
        schema: offersResponseSchema,
        example: {
          offers: [
            { id: "welcome10", name: "−10% на первый заказ", description: "Скидка 10%", promocode: "WELCOME10", barcodeType: "code128", online: true, offline: true, used: false, expirationTimestamp: null },
          ],
        },
      },
    },
    errors: "default",
  },
  {
    method: "post",
    path: "/integration/general/client",
    tag: "Loyalty API",
    summary: "Find a client by phone, card number or app code (seed 002)",
    auth: "apiKey",
    scope: "loyalty",
    request: { schema: clientRequest, example: { search: "+7 920 123-45-67", point: "62a0000004f4", hold: [] } },
    responses: {
      200: {
        description: "The client and the available balance",
        schema: clientAnswerSchema,
        example: {
          success: true,
          client: {
            id: "62a000000006",
            name: "ИВАН",
            photo: null,
            birthday: "2021-03-29",
            level: { id: "621000000f23", title: "Бонусы", percent: 10, type: "cashback", maxSpendPercent: 100 },
            phone: 79201234567,
            email: "mail@mail.mail",
            balance: 878,
          },
        },
      },
    },
    errors: "fields",
  },
  {
    method: "post",
    path: "/integration/general/recalc",
    tag: "Loyalty API",
    summary: "What a purchase would earn and how much may be spent",
    auth: "apiKey",
    scope: "loyalty",
    request: { schema: recalcRequest, example: { client: "62a000000006", point: "62a0000004f4", amount: 1500.5, hold: [] } },
    responses: {
      200: { description: "The terms", schema: recalcAnswerSchema, example: { success: true, recalc: { amount: 1500.5, percent: 10, type: "cashback", spend: 878, earn: 150 } } },
    },
    errors: "fields",
  },
  {
    method: "post",
    path: "/integration/general/bonuses/hold",
    tag: "Loyalty API",
    summary: "Hold points for a purchase in progress",
    description: "`duration` in minutes: default 10, at most 30. 422 when the amount exceeds the available balance.",
    auth: "apiKey",
    scope: "loyalty",
    idempotencyKey: true,
    request: { schema: holdRequest, example: { client: "62a000000006", point: "62a0000004f4", amount: 100, duration: 10 } },
    responses: {
      200: { description: "The hold", schema: holdAnswerSchema, example: { success: true, held: { id: "63a0000004f4", until: 1662661181, amount: 100 } } },
    },
    errors: "fields",
  },
  {
    method: "post",
    path: "/integration/general/bonuses/release",
    tag: "Loyalty API",
    summary: "Release a hold (success even for unknown ids)",
    auth: "apiKey",
    scope: "loyalty",
    request: { schema: releaseRequest, example: { id: "63a0000004f4" } },
    responses: { 200: { description: "Released", schema: releaseAnswerSchema, example: { success: true } } },
    errors: "fields",
  },
  {
    method: "post",
    path: "/integration/general/retail",
    tag: "Loyalty API",
    summary: "Record a purchase: spend points, or earn them",
    description: "`spend` > 0 spends that many points (nothing earned); 0 earns `floor(amount × percent / 100)`. Releases the client's holds at the point.",
    auth: "apiKey",
    scope: "loyalty",
    idempotencyKey: true,
    request: { schema: retailRequest, example: { client: "62a000000006", point: "62a0000004f4", amount: 1500, spend: 100, hold: ["63a0000004f4"] } },
    responses: {
      200: { description: "The operation", schema: retailAnswerSchema, example: { success: true, retail: { amount: 1500, total: 1400, percent: 10, type: "cashback", spend: 100 } } },
    },
    errors: "fields",
  },
  {
    method: "post",
    path: "/api/orders",
    tag: "Orders API",
    summary: "Create or update an order (keyed by the merchant's number)",
    description: "A status that differs from the stored one is recorded and pushed to IMSHOP like any status change.",
    auth: "apiKey",
    scope: "orders",
    request: {
      schema: upsertOrderSchema,
      example: { internalId: "05671863", uuid: "cfe64e76-dbc4-4f0f-b9d1-7423aeb6f195", userId: seedUser, total: 2490.5, createdAt: 1662660581, code: "new" },
    },
    responses: {
      200: {
        description: "The order now",
        schema: upsertOrderAnswerSchema,
        example: { success: true, created: true, statusChanged: true, internalId: "05671863", uuid: "cfe64e76-dbc4-4f0f-b9d1-7423aeb6f195", code: "new", message: null, trackingUrl: null, version: 1 },
      },
    },
    errors: "default",
  },
  {
    method: "post",
    path: "/api/orders/status",
    tag: "Orders API",
    summary: "Change an order's status (seed 001's body); pushed on to IMSHOP",
    auth: "apiKey",
    scope: "orders",
    request: {
      schema: orderStatusChangeSchema,
      example: { id: "05671863", code: "packed", message: "Готов к выдаче", trackingUrl: "https://www.cdek.ru/ru/tracking?order_id=1234567890" },
    },
    responses: {
      200: {
        description: "The order now",
        schema: orderStatusChangeAnswerSchema,
        example: {
          success: true,
          changed: true,
          internalId: "05671863",
          uuid: "cfe64e76-dbc4-4f0f-b9d1-7423aeb6f195",
          code: "packed",
          message: "Готов к выдаче",
          trackingUrl: "https://www.cdek.ru/ru/tracking?order_id=1234567890",
          version: 2,
        },
      },
    },
    errors: "default",
  },
  {
    method: "post",
    path: "/api/offers/redeem",
    tag: "Offers API",
    summary: "Report that a user's offer code was used (at a till, on the site)",
    auth: "apiKey",
    scope: "offers",
    request: { schema: redeemRequestSchema, example: { offerId: "welcome10", userId: seedUser, code: "WELCOME10" } },
    responses: {
      200: {
        description: "Redeemed (or had been already)",
        schema: redeemAnswerSchema,
        example: { success: true, offerId: "welcome10", userId: seedUser, code: "WELCOME10", used: true, alreadyRedeemed: false, redeemedAt: 1662660581 },
      },
    },
    errors: "default",
  },
  ...IMPORTS_ENDPOINTS,
  ...OPERATIONS_ENDPOINTS,
];
