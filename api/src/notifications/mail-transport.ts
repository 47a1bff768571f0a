import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** SMTP through nodemailer when `SMTP_URL` is set; without it, nothing leaves the server (the outbox keeps the mail). */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly transporter: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transporter = config.mail.smtpUrl ? createTransport(config.mail.smtpUrl) : null;
  }

  get configured(): boolean {
    return this.transporter !== null;
  }

  /** Sends one message and answers the server's message id; throws when the server refuses or cannot be reached. */
  async send(message: { to: string; subject: string; text: string }): Promise<string> {
    if (!this.transporter) throw new Error('No SMTP server configured (SMTP_URL).');
    const info: { messageId: string } = await this.transporter.sendMail({ from: this.config.mail.from, ...message });
    return info.messageId;
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
