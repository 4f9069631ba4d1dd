package org.actitosync.pipeline.alert;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Properties;

/**
 * Sends the message by e-mail over SMTP (Jakarta Mail): the subject is {@link
 * AlertMessage#subject()}, the body {@link AlertMessage#text()}. Tried twice, two seconds apart;
 * the password is read from its reference when sending and never printed.
 */
public final class EmailChannel implements AlertChannel {
  static final int ATTEMPTS = 2;

  private final EmailSettings settings;
  private final long pauseMillis;

  public EmailChannel(EmailSettings settings) {
    this(settings, 2_000);
  }

  EmailChannel(EmailSettings settings, long pauseMillis) {
    this.settings = settings;
    this.pauseMillis = pauseMillis;
  }

  @Override
  public String describe() {
    return "email " + settings.host() + ":" + settings.port() + " to " + String.join(", ", settings.to());
  }

  @Override
  public int send(AlertMessage message) throws IOException {
    MessagingException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        Session session = Session.getInstance(properties());
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(new InternetAddress(settings.from()));
        mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", settings.to())));
        mail.setSubject(message.subject(), "UTF-8");
        mail.setText(message.text(), "UTF-8");
        if (settings.user() != null && settings.password() != null) {
          Transport.send(mail, settings.user(), settings.password().reveal());
        } else {
          Transport.send(mail);
        }
        return attempt;
      } catch (MessagingException e) {
        last = e;
        if (attempt < ATTEMPTS) {
          pause();
        }
      }
    }
    throw new ChannelException(last.getClass().getSimpleName() + ": " + last.getMessage(), ATTEMPTS);
  }

  private Properties properties() {
    Properties p = new Properties();
    String timeout = Integer.toString(settings.timeoutSeconds() * 1000);
    p.put("mail.smtp.host", settings.host());
    p.put("mail.smtp.port", Integer.toString(settings.port()));
    p.put("mail.smtp.connectiontimeout", timeout);
    p.put("mail.smtp.timeout", timeout);
    p.put("mail.smtp.writetimeout", timeout);
    p.put("mail.smtp.auth", Boolean.toString(settings.user() != null && settings.password() != null));
    switch (settings.security()) {
      case STARTTLS:
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        break;
      case SSL:
        p.put("mail.smtp.ssl.enable", "true");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        break;
      default:
        break;
    }
    return p;
  }

  private void pause() {
    try {
      Thread.sleep(pauseMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
