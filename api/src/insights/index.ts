export { TeamService } from './team/team.service';
export { InsightsModule } from './insights.module';
export { loadDemoInsights } from './demo-insights';
