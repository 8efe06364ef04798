export { tradePromotion, startTradePromotionService, loadTradePromotionConfig, type TradePromotionService } from "./app";
export { entities } from "./entities";
export { migrations } from "./migrations";
export { loadTradeDemoData } from "./seed/load";
export { generateTradeSeedRows, DEMO_TRADE_EVENTS } from "./seed/generate";
export { createLoaders } from "./loaders";
