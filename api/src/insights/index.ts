export { InsightsModule } from './insights.module';
export { InsightsService } from './insights.service';
