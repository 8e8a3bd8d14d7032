/// <reference types="astro/client" />

declare module "virtual:reconnect-kit/brand.css" {}
