export { InsightsService } from './insights.service';
export { InsightsModule } from './insights.module';
export { loadDemoInsights } from './demo-insights';
