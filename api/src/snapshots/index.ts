export { SnapshotsModule } from './snapshots.module';
export { KeptViews, keptQuery, REFRESH_KEPT_VIEWS } from './snapshots.service';
