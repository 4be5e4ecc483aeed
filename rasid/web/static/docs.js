// Swagger UI over our OpenAPI document (an external file: the pages' CSP forbids inline scripts).
window.addEventListener("load", function () {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
